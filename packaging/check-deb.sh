#!/usr/bin/env bash
# Builds the .deb from ./build, installs it with apt, checks the installed files and programs, and
# removes it again. Run by .ci/run before the test suite; needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

rm -f build/cwconnector_*.deb
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/cwconnector_*.deb)
echo "check-deb: built $deb"
dpkg-deb -f "$deb" Depends | grep -q "libsecret-1-0" || { echo "check-deb: Depends lacks libsecret-1-0"; exit 1; }

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
cleanup() { $SUDO apt-get remove -y -qq cwconnector >/dev/null 2>&1 || true; }
trap cleanup EXIT

/usr/bin/cwconnector-cli --version | grep -q "cwconnector-cli" 
/usr/bin/cwconnector-sim --version >/dev/null
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/cwconnector --quit-after 500
desktop-file-validate /usr/share/applications/io.github.cwconnector.CwConnector.desktop
appstreamcli validate --no-net --pedantic /usr/share/metainfo/io.github.cwconnector.CwConnector.metainfo.xml >/dev/null \
  || appstreamcli validate --no-net /usr/share/metainfo/io.github.cwconnector.CwConnector.metainfo.xml
test -f /usr/share/icons/hicolor/scalable/apps/io.github.cwconnector.CwConnector.svg
test -f /usr/share/icons/hicolor/256x256/apps/io.github.cwconnector.CwConnector.png
test -f /usr/share/cwconnector/translations/cwconnector_en.qm
man -w cwconnector-cli >/dev/null 2>&1 || test -f /usr/share/man/man1/cwconnector-cli.1
echo "check-deb: installed package works ($(/usr/bin/cwconnector-cli --version))"

trap - EXIT
$SUDO apt-get remove -y -qq cwconnector >/dev/null
if dpkg-query -W -f='${Status}' cwconnector 2>/dev/null | grep -q "install ok installed" || [ -e /usr/bin/cwconnector ]; then
  echo "check-deb: cwconnector is still installed after removal"; exit 1
fi
echo "check-deb: removed cleanly"
