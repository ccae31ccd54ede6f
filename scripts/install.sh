#!/usr/bin/env bash
# Installs fuer-bot on a server (run as root from a checkout or an unpacked release):
#
#   - the binary to $PREFIX/bin/fuer-bot (built with `cargo install --locked --path . --profile dist`, or
#     the file named by FUER_BOT_BINARY, e.g. from a release archive);
#   - the knowledge to $STATE_DIR/knowledge, only if there is none yet: the installed copy is
#     the admins' (the web page and their edits change it), never overwritten;
#   - $ETC_DIR/env from .env.example (mode 0600), only if there is none yet;
#   - the systemd unit deploy/fuer-bot.service to $SYSTEMD_DIR, and the system user fuer-bot.
#
# An upgrade runs the same script: before the new binary replaces the old one, it checks the
# installed knowledge with the new binary (`fuer-bot check`). If a release changed the format
# and the check fails, nothing is replaced and the script says how to bring the copy up to
# date. Defaults are the paths of the unit; tests set them to a temporary directory
# (FUER_BOT_NO_SYSTEM=1 skips the user, ownership and systemctl).
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${PREFIX:-/usr/local}
STATE_DIR=${STATE_DIR:-/var/lib/fuer-bot}
ETC_DIR=${ETC_DIR:-/etc/fuer-bot}
SYSTEMD_DIR=${SYSTEMD_DIR:-/etc/systemd/system}
NO_SYSTEM=${FUER_BOT_NO_SYSTEM:-0}

if [ "$NO_SYSTEM" != 1 ] && [ "$(id -u)" != 0 ]; then
    echo "install.sh: run as root (it writes $PREFIX/bin, $STATE_DIR, $ETC_DIR and $SYSTEMD_DIR)" >&2
    exit 1
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

# 1. The new binary, in a staging place first.
if [ -n "${FUER_BOT_BINARY:-}" ]; then
    cp "$FUER_BOT_BINARY" "$staging/fuer-bot"
else
    if ! command -v cargo >/dev/null 2>&1; then
        echo "install.sh: cargo is not installed: install Rust (see README, Prerequisites) or set FUER_BOT_BINARY to a built binary" >&2
        exit 1
    fi
    cargo install --locked --path . --profile dist --root "$staging/root" --quiet
    mv "$staging/root/bin/fuer-bot" "$staging/fuer-bot"
fi
chmod 0755 "$staging/fuer-bot"

# 2. The knowledge: copied once; on an upgrade, checked with the new binary.
knowledge="$STATE_DIR/knowledge"
mkdir -p "$STATE_DIR/data"
if [ -e "$knowledge" ]; then
    if ! "$staging/fuer-bot" check --knowledge "$knowledge"; then
        cat >&2 <<MSG

install.sh: the installed knowledge in $knowledge does not pass the new version's check
(above), so nothing was replaced and the running bot keeps its version. If this release
changed the knowledge format, bring the installed copy up to date:
  diff -ru $knowledge knowledge      # what the release ships beside the admins' edits
then edit $knowledge as the messages above and the release notes say (or copy the shipped
files over it and add the admins' keywords again), and run this script again.
MSG
        exit 1
    fi
    echo "kept the installed knowledge in $knowledge (it passes the new version's check)"
else
    cp -R knowledge "$knowledge"
    echo "copied the knowledge to $knowledge"
fi

# 3. The configuration, once.
mkdir -p "$ETC_DIR"
if [ ! -e "$ETC_DIR/env" ]; then
    sed -e "s|^KNOWLEDGE_DIR=.*|KNOWLEDGE_DIR=$knowledge|" -e "s|^DATA_DIR=.*|DATA_DIR=$STATE_DIR/data|" \
        .env.example > "$ETC_DIR/env"
    chmod 0600 "$ETC_DIR/env"
    echo "wrote $ETC_DIR/env: put the bot token (TELOXIDE_TOKEN) and ADMIN_IDS in it"
fi

# 4. The binary and the unit.
mkdir -p "$PREFIX/bin" "$SYSTEMD_DIR"
install -m 0755 "$staging/fuer-bot" "$PREFIX/bin/fuer-bot"
sed -e "s|/usr/local/bin/fuer-bot|$PREFIX/bin/fuer-bot|" -e "s|/var/lib/fuer-bot|$STATE_DIR|g" \
    -e "s|/etc/fuer-bot/env|$ETC_DIR/env|" deploy/fuer-bot.service > "$SYSTEMD_DIR/fuer-bot.service"
echo "installed $PREFIX/bin/fuer-bot and $SYSTEMD_DIR/fuer-bot.service"

if [ "$NO_SYSTEM" != 1 ]; then
    id fuer-bot >/dev/null 2>&1 || useradd --system --home-dir "$STATE_DIR" --shell /usr/sbin/nologin fuer-bot
    chown -R fuer-bot:fuer-bot "$STATE_DIR"
    chown root:fuer-bot "$ETC_DIR/env"
    chmod 0640 "$ETC_DIR/env"
    systemctl daemon-reload
    echo "next: edit $ETC_DIR/env, then: systemctl enable --now fuer-bot  (upgrades: systemctl restart fuer-bot)"
fi
