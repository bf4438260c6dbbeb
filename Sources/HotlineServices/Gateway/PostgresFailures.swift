import PostgresNIO

/// The PostgreSQL errors behind an error a query or a transaction threw: the error itself, or
/// whichever step of a transaction failed (begin, the work, commit, rollback).
enum PostgresFailures {
    static func causes(of error: any Error) -> [PSQLError] {
        if let transaction = error as? PostgresTransactionError {
            return [
                transaction.beginError, transaction.closureError, transaction.commitError, transaction.rollbackError,
            ]
            .compactMap { $0 as? PSQLError }
        }
        return (error as? PSQLError).map { [$0] } ?? []
    }
}
