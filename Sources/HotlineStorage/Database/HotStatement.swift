import PostgresNIO

/// A statement the pipeline runs for every ticket, sent as a named prepared statement:
/// PostgreSQL parses and plans it once per connection instead of on every call, which was
/// about 40 % of its statement time in the pipeline's profile (`docs/performance.md`).
///
/// Its parameter types are spelled out, so that a first call with a NULL does not leave the
/// server to guess a type that later values do not have. Rows come back undecoded.
protocol HotStatement: PostgresPreparedStatement where Row == PostgresRow {}

extension HotStatement {
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
