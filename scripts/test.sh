#!/usr/bin/env bash
# Installs what the tests need (system packages, the project with its test extras) and runs
# the whole suite: lint, types, then pytest. PostgreSQL and Redis tests run when
# AKTINDSIGT_TEST_POSTGRES_URL / AKTINDSIGT_TEST_REDIS_URL are set (.ci/run sets them).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=()
dpkg -s tesseract-ocr-dan >/dev/null 2>&1 || apt_packages+=(tesseract-ocr tesseract-ocr-dan)
command -v pdftoppm >/dev/null 2>&1 || apt_packages+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || apt_packages+=(qpdf)
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || apt_packages+=(fonts-dejavu-core)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "Installing system packages: ${apt_packages[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    "${apt_packages[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
[ -n "${AKTINDSIGT_TEST_POSTGRES_URL:-}" ] || echo "NOTE: AKTINDSIGT_TEST_POSTGRES_URL is not set: PostgreSQL tests are skipped"
[ -n "${AKTINDSIGT_TEST_REDIS_URL:-}" ] || echo "NOTE: AKTINDSIGT_TEST_REDIS_URL is not set: Redis queue tests are skipped"
exec .venv/bin/pytest "$@"
