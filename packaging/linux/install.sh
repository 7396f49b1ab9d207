#!/usr/bin/env sh
# Per-user install of the Linux bundle: no root needed.
#   packaging/linux/install.sh [dist/contactkluis]
# Uninstall: rm -r ~/.local/opt/contactkluis ~/.local/bin/contactkluis and the two files below.
# The vault and backups (~/.local/share/Contactkluis and folders you chose) are never touched.
set -eu
src=${1:-dist/contactkluis}
here=$(cd "$(dirname "$0")/../.." && pwd)
opt="$HOME/.local/opt/contactkluis"
rm -rf "$opt"
mkdir -p "$opt" "$HOME/.local/bin" "$HOME/.local/share/applications" \
         "$HOME/.local/share/icons/hicolor/scalable/apps" "$HOME/.local/share/metainfo"
cp -r "$src"/. "$opt"/
ln -sf "$opt/contactkluis" "$HOME/.local/bin/contactkluis"
cp "$here/src/contactkluis/resources/contactkluis.desktop" "$HOME/.local/share/applications/"
cp "$here/src/contactkluis/resources/icons/contactkluis.svg" \
   "$HOME/.local/share/icons/hicolor/scalable/apps/nl.contactkluis.Contactkluis.svg"
cp "$here/src/contactkluis/resources/nl.contactkluis.Contactkluis.metainfo.xml" "$HOME/.local/share/metainfo/"
echo "Contactkluis is installed; start it from the applications menu or with 'contactkluis'."
