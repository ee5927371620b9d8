# tiflux-mcp, hosted mode: streamable HTTP on :8080 (/mcp, /health) with its own OAuth server.
#   docker build -t tiflux-mcp .
#   docker run -p 8080:8080 -e TIFLUX_MCP_SECRET_KEY=... -e TIFLUX_PUBLIC_BASE_URL=https://mcp.example.com \
#     -v tiflux-grants:/data tiflux-mcp
# Several replicas: add -e TIFLUX_MCP_STORE_URL=redis://redis:6379/0 (same secret key and public URL on all).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml constraints.txt README.md LICENSE ./
COPY domain ./domain
COPY application ./application
COPY adapters ./adapters
RUN python -m venv /opt/tiflux-mcp \
 && /opt/tiflux-mcp/bin/pip install --no-cache-dir --quiet -c constraints.txt .

FROM python:3.11-slim
COPY --from=build /opt/tiflux-mcp /opt/tiflux-mcp
RUN useradd --system --uid 10001 --home-dir /data --create-home tiflux
USER tiflux
WORKDIR /data
ENV PATH=/opt/tiflux-mcp/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    TIFLUX_HTTP_HOST=0.0.0.0 \
    TIFLUX_HTTP_PORT=8080 \
    TIFLUX_MCP_STORE_URL=sqlite:////data/grants.sqlite3
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/health').status == 200 else 1)"
STOPSIGNAL SIGTERM
ENTRYPOINT ["tiflux-mcp", "serve"]
