# Build a static binary, then run it on a minimal image as a non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /mentorbot ./cmd/mentorbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /mentorbot /mentorbot
EXPOSE 3000
ENTRYPOINT ["/mentorbot"]
