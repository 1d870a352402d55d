# itinerant: the same service `make run` starts, in a container.
#   docker build -t itinerant .
#   docker run -p 8000:8000 -v itinerant-data:/data itinerant
# The maps' JavaScript and CSS, from the npm lock, so that pages load nothing from CDNs.
FROM node:20-slim AS assets
WORKDIR /assets
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    ITINERANT_DATA_DIR=/data \
    ITINERANT_HOST=0.0.0.0 \
    ITINERANT_PORT=8000 \
    ITINERANT_ASSETS_DIR=/srv/itinerant/node_modules

WORKDIR /srv/itinerant

# Dependencies first, from the hashed lock, so code changes do not reinstall them.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY pyproject.toml README.md ./
COPY app ./app
COPY geo ./geo
COPY seeds ./seeds
COPY --from=assets /assets/node_modules ./node_modules
RUN pip install --no-deps --no-build-isolation . \
    && useradd --system --uid 10001 --home-dir /srv/itinerant itinerant \
    && mkdir -p /data && chown itinerant /data

USER itinerant
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"

# First start builds the gazetteer index into the volume (skipped later), loads the seeds, serves.
CMD ["sh", "-c", "itinerant gazetteer build && itinerant seed && itinerant serve"]
