#!/usr/bin/env bash
# Rebuilds the blind-wave reports from fetched repository snapshots (other people's files:
# never committed). Fetch each repository of MANIFEST.tsv's source_repo column first
# (github:OWNER/NAME; its snapshot is MIRROR/OWNER+NAME/repo), then:
#   eval/blind/extract.sh MIRROR [OUT]     OUT defaults to .realblind/ (git-ignored)
# A report kept as a Word or LibreOffice file (MANIFEST's converted column: yes) is converted
# with LibreOffice (soffice) as its reader read it; its source is kept in OUT/sources/ and the
# checksum covers that source (a conversion's bytes change with LibreOffice's version).
set -u
here=$(cd "$(dirname "$0")" && pwd)
mirror=${1:?usage: extract.sh MIRROR_DIR [OUT]}
out=${2:-.realblind}
mkdir -p "$out/sources"
profile=$(mktemp -d)
n=0; missing=0
while IFS=$'\t' read -r file repo path commit _pages _producer converted; do
  git_dir="$mirror/${repo/\//+}/repo"
  [[ -d $git_dir/.git ]] && git_dir=$git_dir/.git   # a snapshot stored as a clone with a work tree
  if [[ ${converted:-no} == yes ]]; then
    source="$out/sources/${file%.pdf}.${path##*.}"
    if git --git-dir="$git_dir" show "$commit:$path" >"$source" 2>/dev/null \
      && soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf \
        --outdir "$out/sources" "$source" >/dev/null 2>&1 \
      && mv "$out/sources/${file%.pdf}.pdf" "$out/$file"; then
      n=$((n + 1))
    else
      echo "missing: $file (fetch github:$repo first; soffice converts it)"; rm -f "$source"
      missing=$((missing + 1))
    fi
  elif git --git-dir="$git_dir" show "$commit:$path" >"$out/$file" 2>/dev/null; then
    n=$((n + 1))
  else
    echo "missing: $file (fetch github:$repo first)"; rm -f "$out/$file"; missing=$((missing + 1))
  fi
done < <(tail -n +2 "$here/MANIFEST.tsv")
rm -rf "$profile"
echo "$n reports in $out, $missing missing"
(cd "$out" && sha256sum -c --quiet "$here/SHA256SUMS" 2>/dev/null) || echo "some checksums differ: see SHA256SUMS"
