# Build a static binary, then run it on a minimal image as a non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The release this image names itself with (mentorbot -version, the log's
# first line, mentorbot_build_info): docker build --build-arg VERSION=v1.4.0
# (docker compose: MENTORBOT_VERSION in .env). Unset, the image says "devel".
ARG VERSION=
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /mentorbot ./cmd/mentorbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /mentorbot /mentorbot
EXPOSE 3000
# Liveness without curl: the binary GETs its own /healthz at
# MENTORBOT_HTTP_ADDR's port and exits 0 or 1 (docker-compose.yml sets
# the same; Kubernetes ignores it and takes its own probes).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/mentorbot", "healthcheck"]
ENTRYPOINT ["/mentorbot"]
