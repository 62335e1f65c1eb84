#!/bin/sh
# Runs once before nginx starts (the tls-init service in docker-compose.yml, on the nginx image, which has openssl).
# A certificate already in the folder, the operator's real one or one made on an earlier start, is left alone.
# Otherwise a self-signed certificate is written for the host name in PUBLIC_URL (plus localhost and 127.0.0.1),
# so the stack serves https from its first start; browsers warn about it until a real certificate replaces it.
set -eu

dir=${TLS_DIR:-/etc/nginx/tls}
cert="$dir/fullchain.pem"
key="$dir/privkey.pem"

if [ -s "$cert" ] && [ -s "$key" ]; then
    echo "tls-init: $cert and $key exist; using them."
    exit 0
fi

if [ -e "$cert" ] || [ -e "$key" ]; then
    echo "tls-init: $dir has only one of fullchain.pem and privkey.pem; put both there (or neither, for a self-signed pair)." >&2
    exit 1
fi

if ! command -v openssl >/dev/null 2>&1; then
    echo "tls-init: openssl is not in this image; put fullchain.pem and privkey.pem in $dir yourself." >&2
    exit 1
fi

# https://news.example.com:8443/path -> news.example.com
url=${PUBLIC_URL:-https://localhost}
host=${url#*://}
host=${host%%/*}
host=${host%:*}
case "$host" in
    '' | *[!A-Za-z0-9.-]*)
        echo "tls-init: cannot take a host name from PUBLIC_URL='$url'." >&2
        exit 1
        ;;
    *[!0-9.]*) san="DNS:$host" ;;
    *) san="IP:$host" ;;
esac
[ "$host" = localhost ] || san="$san,DNS:localhost"
[ "$host" = 127.0.0.1 ] || san="$san,IP:127.0.0.1"

mkdir -p "$dir"
umask 077
work=$(mktemp -d "$dir/.new.XXXXXX")
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 365 \
    -subj "/CN=$host" -addext "subjectAltName=$san" \
    -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
chmod 600 "$work/privkey.pem"
chmod 644 "$work/fullchain.pem"
# The key first: nginx only looks once the certificate is there.
mv "$work/privkey.pem" "$key"
mv "$work/fullchain.pem" "$cert"
rmdir "$work"

echo "tls-init: wrote a self-signed certificate for $san to $cert, valid for 365 days."
openssl x509 -in "$cert" -noout -fingerprint -sha256
