FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY ledger ./ledger
COPY projections ./projections
COPY api ./api
COPY runtime ./runtime
COPY cli ./cli
COPY demo ./demo
COPY evidence ./evidence
# Installed like any deployment (not editable): what runs is the package and its data.
RUN pip install --no-cache-dir . && rm -rf build && useradd --system --uid 10001 ledger \
    && mkdir /keys && chown ledger /keys
USER ledger
EXPOSE 8000
# The API's readiness; docker-compose.yml gives the workers health checks of their own.
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=2)"]
CMD ["sme-ledger", "serve", "--host", "0.0.0.0", "--port", "8000"]
