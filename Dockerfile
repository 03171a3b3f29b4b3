# The aktindsigt service on the embedded default; mount /data to keep the database and files.
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-dan fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    OMP_THREAD_LIMIT=1 \
    AKTINDSIGT_DATA_DIR=/data

WORKDIR /srv/aktindsigt
COPY pyproject.toml README.md LICENSE ./
COPY app ./app
COPY redaction ./redaction
COPY rules ./rules
COPY samples ./samples
RUN pip install --no-cache-dir .

RUN useradd --system --create-home --home-dir /home/aktindsigt aktindsigt \
 && mkdir -p /data && chown aktindsigt /data
USER aktindsigt
VOLUME ["/data"]
EXPOSE 8000
CMD ["aktindsigt", "serve", "--host", "0.0.0.0", "--port", "8000"]
