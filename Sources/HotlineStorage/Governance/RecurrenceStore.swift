public import Foundation
public import HotlineDomain
public import Logging
public import PostgresNIO

/// Recurring problems (`recurring_problems`): the weekly request counts per catalog leaf and
/// township they are found in, each township's share of its district, each proposal stored once
/// per episode.
public enum RecurrenceStore {
    /// One leaf in one township (of `districtCode`).
    public struct Cell: Hashable, Sendable {
        public var leafCode: String
        public var townshipCode: String
        public var districtCode: String
    }

    /// One leaf in one district.
    public struct LeafInDistrict: Hashable, Sendable {
        public var leafCode: String
        public var districtCode: String

        public init(leafCode: String, districtCode: String) {
            self.leafCode = leafCode
            self.districtCode = districtCode
        }
    }

    /// What makes a cell worth judging: at least `minimumWeeks` weeks of at least `minimumCount`
    /// requests in one of `ranges` (week indexes).
    public struct CandidateRule: Sendable {
        public var minimumCount: Int
        public var minimumWeeks: Int
        public var ranges: [Range<Int>]

        public init(minimumCount: Int, minimumWeeks: Int, ranges: [Range<Int>]) {
            self.minimumCount = minimumCount
            self.minimumWeeks = minimumWeeks
            self.ranges = ranges
        }
    }

    /// The weekly requests (week `w` is the 7 days from `start` + `w` weeks) of every cell the
    /// rule picks, over `weeks` weeks, as dense arrays. The rule is applied in PostgreSQL, so
    /// only cells that may recur leave the database.
    public static func candidateCells(
        from start: Date, weeks: Int, rule: CandidateRule, on connection: PostgresConnection, logger: Logger
    ) async throws -> [Cell: [Int]] {
        let end = start.addingTimeInterval(Double(weeks) * 604_800)
        let firsts = rule.ranges.map(\.lowerBound)
        let lasts = rule.ranges.map { $0.upperBound - 1 }
        let rows = try await connection.query(
            """
            WITH weekly AS (
                SELECT category_code AS leaf, township_code AS township, district_code AS district,
                       floor(extract(epoch FROM received_at - \(start)) / 604800)::int AS week, count(*)::int AS n
                FROM tickets
                WHERE received_at >= \(start) AND received_at < \(end)
                  AND category_code IS NOT NULL AND township_code IS NOT NULL AND district_code IS NOT NULL
                GROUP BY 1, 2, 3, 4),
            candidates AS (
                SELECT w.leaf, w.township FROM weekly w
                JOIN unnest(\(firsts)::int[], \(lasts)::int[]) AS r(first, last) ON w.week BETWEEN r.first AND r.last
                WHERE w.n >= \(rule.minimumCount)
                GROUP BY w.leaf, w.township, r.first
                HAVING count(*) >= \(rule.minimumWeeks))
            SELECT w.leaf, w.township, w.district, w.week, w.n FROM weekly w
            WHERE (w.leaf, w.township) IN (SELECT leaf, township FROM candidates)
            """, logger: logger)
        return try await DenseSeries.collect(
            rows.decode((String, String, String, Int, Int).self).map {
                (key: Cell(leafCode: $0, townshipCode: $1, districtCode: $2), period: $3, count: $4)
            }, length: weeks)
    }

    /// The weekly requests of each of `leaves` in each of `districts`, over the same weeks.
    public static func districtWeekly(
        of pairs: Set<LeafInDistrict>, from start: Date, weeks: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [LeafInDistrict: [Int]] {
        guard !pairs.isEmpty else { return [:] }
        let end = start.addingTimeInterval(Double(weeks) * 604_800)
        let rows = try await connection.query(
            """
            SELECT category_code, district_code, floor(extract(epoch FROM received_at - \(start)) / 604800)::int,
                   count(*)::int
            FROM tickets
            WHERE received_at >= \(start) AND received_at < \(end)
              AND (category_code, district_code) IN (
                  SELECT * FROM unnest(\(pairs.map(\.leafCode))::text[], \(pairs.map(\.districtCode))::text[]))
            GROUP BY 1, 2, 3
            """, logger: logger)
        return try await DenseSeries.collect(
            rows.decode((String, String, Int, Int).self).map {
                (key: LeafInDistrict(leafCode: $0, districtCode: $1), period: $2, count: $3)
            }, length: weeks)
    }

    /// Each township's share of its district's requests received in [`from`, `to`).
    public static func townshipShares(
        from: Date, to: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> [String: Double] {
        let rows = try await connection.query(
            """
            SELECT township_code, count(*)::float8 / sum(count(*)) OVER (PARTITION BY district_code)
            FROM tickets
            WHERE received_at >= \(from) AND received_at < \(to) AND township_code IS NOT NULL AND district_code IS NOT NULL
            GROUP BY township_code, district_code
            """, logger: logger)
        var shares: [String: Double] = [:]
        for try await (township, share) in rows.decode((String, Double).self) { shares[township] = share }
        return shares
    }

    /// Stores `problem` unless its leaf and township had a proposal in a week starting on or
    /// after `quietSince` (`YYYY-MM-DD`): one proposal per episode. True when stored.
    public static func save(
        _ problem: ProposedRecurrence, quietSince: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO recurring_problems (id, leaf_code, township_code, district_code, week_start, kind, unusual_weeks,
                                            requests, expected, proposed_at)
            SELECT \(problem.id), \(problem.leafCode), \(problem.townshipCode), \(problem.districtCode),
                   \(problem.weekStart)::date, \(problem.kind.rawValue), \(problem.unusualWeeks)::date[],
                   \(problem.requests), \(problem.expected), \(problem.proposedAt)
            WHERE NOT EXISTS (
                SELECT 1 FROM recurring_problems
                WHERE leaf_code = \(problem.leafCode) AND township_code = \(problem.townshipCode)
                  AND week_start >= \(quietSince)::date)
            ON CONFLICT (leaf_code, township_code, week_start) DO NOTHING
            RETURNING id
            """, logger: logger)
        for try await _ in rows { return true }
        return false
    }

    /// The proposals of weeks starting from `firstDay` through `lastDay` in `scope`, newest first,
    /// each with its follow-up at `now`: the requests about its leaf in its township in the whole
    /// weeks since the judged week ended (weeks of `timeZone`'s days).
    public static func proposals(
        in scope: ReportScope, firstDay: String, lastDay: String, now: Date, timeZone: TimeZone,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [ProposedRecurrence] {
        let rows = try await connection.query(
            """
            SELECT r.id, r.leaf_code, c.name, r.township_code, r.district_code, r.week_start::text, r.kind,
                   r.unusual_weeks::text[], r.requests, r.expected, r.proposed_at, f.weeks,
                   (SELECT count(*)::int FROM tickets t
                    WHERE t.category_code = r.leaf_code AND t.township_code = r.township_code
                      AND t.received_at >= f.since AND t.received_at < f.since + f.weeks * interval '7 days')
            FROM recurring_problems r LEFT JOIN catalog_entries c ON c.code = r.leaf_code
            CROSS JOIN LATERAL (
                SELECT since, greatest(0, floor(extract(epoch FROM \(now) - since) / 604800))::int AS weeks
                FROM (SELECT (r.week_start + 7)::timestamp AT TIME ZONE \(timeZone.identifier) AS since) s) f
            WHERE r.week_start BETWEEN \(firstDay)::date AND \(lastDay)::date
              AND (\(scope.districtCode)::text IS NULL OR r.district_code = \(scope.districtCode))
              AND (\(scope.townshipCode)::text IS NULL OR r.township_code = \(scope.townshipCode))
            ORDER BY r.week_start DESC, r.district_code, r.township_code, r.leaf_code
            """, logger: logger)
        var proposals: [ProposedRecurrence] = []
        for try await row in rows {
            let (id, leaf, name, township, district, week, kind, weeks, requests, expected, proposed, since, after) =
                try row.decode(
                    (UUID, String, String?, String, String, String, String, [String], Int, Double, Date, Int, Int).self)
            var proposal = ProposedRecurrence(
                id: id, leafCode: leaf, leafName: name, townshipCode: township, districtCode: district,
                weekStart: week, kind: try .stored(kind, column: "recurring_problems.kind"), unusualWeeks: weeks,
                requests: requests, expected: expected, proposedAt: proposed)
            proposal.followUp = RecurrenceFollowUp(weeks: since, requests: after, after: proposal)
            proposals.append(proposal)
        }
        return proposals
    }
}
