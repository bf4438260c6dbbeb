# Every helper of the scripts, in dependency order. Source env.sh (and any overrides) first:
# postgres.sh reads the data directory when sourced.
for helper in processes install postgres broker services alerts; do
    source "$HOTLINE_ROOT/scripts/lib/$helper.sh"
done
