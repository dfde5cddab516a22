#!/usr/bin/env bash
# Rebuilds the blind-wave reports from fetched repository snapshots (other people's files:
# never committed). Fetch each repository of MANIFEST.tsv's source_repo column first
# (github:OWNER/NAME; its snapshot is MIRROR/OWNER+NAME/repo), then:
#   eval/blind/extract.sh MIRROR [OUT]     OUT defaults to .realblind/ (git-ignored)
set -u
here=$(cd "$(dirname "$0")" && pwd)
mirror=${1:?usage: extract.sh MIRROR_DIR [OUT]}
out=${2:-.realblind}
mkdir -p "$out"
n=0; missing=0
while IFS=$'\t' read -r file repo path commit _; do
  git_dir="$mirror/${repo/\//+}/repo"
  [[ -d $git_dir/.git ]] && git_dir=$git_dir/.git   # a snapshot stored as a clone with a work tree
  if git --git-dir="$git_dir" show "$commit:$path" >"$out/$file" 2>/dev/null; then
    n=$((n + 1))
  else
    echo "missing: $file (fetch github:$repo first)"; rm -f "$out/$file"; missing=$((missing + 1))
  fi
done < <(tail -n +2 "$here/MANIFEST.tsv")
echo "$n reports in $out, $missing missing"
(cd "$out" && sha256sum -c --quiet "$here/SHA256SUMS" 2>/dev/null) || echo "some checksums differ: see SHA256SUMS"
