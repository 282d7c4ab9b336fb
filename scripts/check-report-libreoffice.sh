#!/usr/bin/env bash
# Checks that the annual handling report opens in LibreOffice and shows Chinese text (issue 5).
#
#   scripts/check-report-libreoffice.sh [output-folder] [year]
#
# Seeds the demo county into a fresh data folder, starts the server on a free port, downloads the
# annual report (.docx and .pdf) as the demo office account, converts the .docx with
# `libreoffice --headless --convert-to pdf`, renders pages 1-2 to PNG (pdftoppm -r 60) and checks
# the text (pdftotext) for the report's Chinese headings. Exits non-zero on any failure. Needs the
# Debian packages libreoffice-writer-nogui (or any LibreOffice), poppler-utils and fonts-noto-cjk.
set -euo pipefail

cd "$(dirname "$0")/.."
out="${1:-/tmp/minyi-report-check}"
year="${2:-$(TZ=Asia/Shanghai date +%Y)}"
office_bin="$(command -v libreoffice || command -v soffice || true)"
if [[ -z "$office_bin" ]]; then
  echo "LibreOffice not found (apt-get install libreoffice-writer-nogui)" >&2
  exit 2
fi
for tool in pdftoppm pdftotext curl node; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 2; }
done

rm -rf "$out"
mkdir -p "$out"
data="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

export MINYI_DATA_DIR="$data" MINYI_LOG_LEVEL=warn MINYI_ADMIN_PASSWORD='Demo-Minyi-2025'
echo "== seeding the demo county into $data"
npx tsx src/server/main.ts seed-demo >"$out/seed.log"

port="$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")"
PORT="$port" npx tsx src/server/main.ts serve >"$out/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -sf "$base/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "$base/api/health" >/dev/null || { echo "server did not start" >&2; cat "$out/server.log" >&2; exit 1; }

jar="$out/cookies.txt"
curl -sf -c "$jar" -H 'content-type: application/json' \
  -d '{"username":"office","password":"Demo-Minyi-2025"}' "$base/api/v1/auth/login" >/dev/null
body_id="$(curl -sf -b "$jar" "$base/api/v1/auth/me" |
  node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const me=JSON.parse(s);const r=me.roles.find(r=>r.role==='office_staff');console.log(r.bodyId)})")"
echo "== annual report $year of body $body_id"
curl -sf -b "$jar" -o "$out/annual.docx" "$base/api/v1/reports/annual.docx?bodyId=$body_id&year=$year"
curl -sf -b "$jar" -o "$out/annual.pdf" "$base/api/v1/reports/annual.pdf?bodyId=$body_id&year=$year"

echo "== LibreOffice: converting annual.docx to PDF"
mkdir -p "$out/lo"
# A profile of its own, so a running LibreOffice of the user does not take the job.
"$office_bin" -env:UserInstallation="file://$out/lo-profile" --headless --convert-to pdf --outdir "$out/lo" \
  "$out/annual.docx" >"$out/libreoffice.log" 2>&1
if [[ ! -s "$out/lo/annual.pdf" ]]; then
  echo "LibreOffice produced no PDF:" >&2
  cat "$out/libreoffice.log" >&2
  exit 1
fi
if grep -qiE 'error|exception' "$out/libreoffice.log"; then
  echo "LibreOffice reported errors:" >&2
  cat "$out/libreoffice.log" >&2
  exit 1
fi

pdftoppm -png -r 60 -f 1 -l 2 "$out/lo/annual.pdf" "$out/libreoffice-page"
pdftoppm -png -r 60 -f 1 -l 2 "$out/annual.pdf" "$out/pdfkit-page"
pdftotext -enc UTF-8 "$out/lo/annual.pdf" "$out/libreoffice.txt"
pdftotext -enc UTF-8 "$out/annual.pdf" "$out/pdfkit.txt"

status=0
for file in libreoffice.txt pdfkit.txt; do
  text="$(tr -d ' \n\r\t\f' <"$out/$file")"
  for heading in "关于${year}年度代表建议、批评和意见办理情况的报告" 一、基本情况 二、各承办单位办理情况 \
    三、重点建议办理情况 四、代表不满意事项办理情况 五、承办单位考评情况 主要指标 办结率 满意率; do
    if [[ "$text" != *"$heading"* ]]; then
      echo "MISSING in $file: $heading" >&2
      status=1
    fi
  done
done
pages="$(pdftotext -enc UTF-8 "$out/lo/annual.pdf" - | grep -c $'\f' || true)"
echo "== LibreOffice PDF: $pages pages; PNG pages:"
ls -1 "$out"/*-page-*.png
if [[ $status -ne 0 ]]; then
  echo "FAILED: expected Chinese headings missing" >&2
  exit 1
fi
echo "OK: the annual report opens in LibreOffice and shows its Chinese headings ($out)"
