#!/bin/sh
# Regenerates the test certificates in this folder with the OpenSSL 3.0 CLI. See README.txt.
# Every certificate is issued with `openssl ca`, which takes explicit -startdate/-enddate: the good ones
# are valid from 2020-01-01 to 2080-01-01 (so a machine with a slightly wrong clock still accepts them),
# the expired one only during January 2020.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GOOD_START=20200101000000Z
GOOD_END=20800101000000Z

mkdir -p "$work/ca"; : > "$work/ca/index.txt"; echo 1000 > "$work/ca/serial"
cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = testca
[ testca ]
dir = $work/ca
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[ anything ]
organizationName = optional
commonName = supplied
CNF

csr() { # name common-name
    openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$work/$1.csr" -subj "/O=cwconnector tests/CN=$2" 2>/dev/null
}
leafext() { # name san
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$2" > "$work/$1.ext"
}
issue() { # name start end [extra ca args...]
    name=$1; start=$2; end=$3; shift 3
    openssl ca -batch -notext -config "$work/ca.cnf" -in "$work/$name.csr" -out "$work/$name.full" \
        -startdate "$start" -enddate "$end" -extfile "$work/$name.ext" "$@" 2>/dev/null
    openssl x509 -in "$work/$name.full" -out "$name.pem"
}

# Private CA (self-signed root)
csr ca "cwconnector test CA"
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n' > "$work/ca.ext"
issue ca $GOOD_START $GOOD_END -selfsign -keyfile ca.key

# Server certificate for 127.0.0.1 and localhost, signed by the CA
csr server 127.0.0.1; leafext server "IP:127.0.0.1,DNS:localhost"
issue server $GOOD_START $GOOD_END -cert ca.pem -keyfile ca.key

# Certificate for the wrong host (SAN only example.invalid), signed by the CA
csr wronghost example.invalid; leafext wronghost "DNS:example.invalid"
issue wronghost $GOOD_START $GOOD_END -cert ca.pem -keyfile ca.key

# Expired certificate for 127.0.0.1 and localhost, signed by the CA
csr expired 127.0.0.1; leafext expired "IP:127.0.0.1,DNS:localhost"
issue expired 20200101000000Z 20200201000000Z -cert ca.pem -keyfile ca.key

# Self-signed server certificate for 127.0.0.1 and localhost (not issued by the CA)
csr selfsigned 127.0.0.1; leafext selfsigned "IP:127.0.0.1,DNS:localhost"
issue selfsigned $GOOD_START $GOOD_END -selfsign -keyfile selfsigned.key
