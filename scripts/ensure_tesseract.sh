#!/usr/bin/env bash
# Install Tesseract with its Portuguese, Italian and English data when it is missing and this
# user may install Debian packages (root, or sudo without a password). Otherwise say how, and
# carry on: scanned PDFs are then reported as `no-text` with the same advice.
set -u
langs_ok() { tesseract --list-langs 2>/dev/null | grep -qx por && tesseract --list-langs 2>/dev/null | grep -qx ita \
  && tesseract --list-langs 2>/dev/null | grep -qx eng; }
if command -v tesseract >/dev/null 2>&1 && langs_ok; then exit 0; fi
packages="tesseract-ocr tesseract-ocr-por tesseract-ocr-ita tesseract-ocr-eng"
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then run=""; elif sudo -n true 2>/dev/null; then run="sudo -n"; else run=none; fi
  if [ "$run" != none ]; then
    echo "installing Tesseract for OCR of scanned PDFs ($packages)"
    $run apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $run apt-get install -y -qq $packages >/dev/null \
      && exit 0
  fi
fi
echo "note: Tesseract is not installed, so scanned PDFs cannot be read (OCR); install it with:" >&2
echo "  sudo apt-get install $packages" >&2
