public import PostgresNIO

/// What went wrong in PostgreSQL behind an error a query or a transaction threw, in the terms
/// an API answers with: the database is unreachable (retry later), or a value could not be
/// stored (the request's fault).
public enum StorageFailures {
    /// Whether the database is down, restarting or unreachable (rather than refusing the
    /// request): a lost or refused connection, or a server error of class 08 (connection
    /// exception) or 57 (shutting down, starting up), also in the middle of a transaction; or a
    /// session that ended while its work was in progress (`ClosedSessionWatch`).
    public static func isUnavailable(_ error: any Error) -> Bool {
        // Thrown by `PostgresClient.session` and `.transaction` themselves, never inside a transaction's work.
        if error is ClosedSessionWatch.SessionEnded { return true }
        return causes(of: error).contains { failure in
            switch failure.code {
            case .connectionError, .poolClosed, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return true
            case .server:
                let state = failure.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || state.hasPrefix("57")
            default:
                return false
            }
        }
    }

    /// Whether PostgreSQL refused a value for holding a character it cannot store, in practice
    /// U+0000: in text (SQLSTATE 22021, `character_not_in_repertoire`) or as `\u0000` in jsonb
    /// (22P05, `untranslatable_character`), directly or inside a transaction.
    public static func isUnstorableCharacter(_ error: any Error) -> Bool {
        causes(of: error).contains { failure in
            let state = failure.serverInfo?[.sqlState]
            return state == "22021" || state == "22P05"
        }
    }

    /// The PostgreSQL errors behind `error`: the error itself, or whichever step of a
    /// transaction failed (begin, the work, commit, rollback).
    private static func causes(of error: any Error) -> [PSQLError] {
        if let transaction = error as? PostgresTransactionError {
            return [
                transaction.beginError, transaction.closureError, transaction.commitError, transaction.rollbackError,
            ]
            .compactMap { $0 as? PSQLError }
        }
        return (error as? PSQLError).map { [$0] } ?? []
    }
}
