#!/usr/bin/env bash
# Installs the service and starts it on the embedded default (SQLite, local files and job
# queue in ./var) with the synthetic samples loaded. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg -s tesseract-ocr-dan >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    tesseract-ocr tesseract-ocr-dan >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
# Loads the synthetic staff register, requests and documents (idempotent) and prints the
# demo administrator's login.
.venv/bin/aktindsigt demo
exec .venv/bin/aktindsigt serve "$@"
