public import HotlineDomain
public import HotlineStorage

/// Shows tickets to a caller as the scope rules allow (`Principal.callerData(on:)`): a ticket read
/// alone carries the caller's personal data whole to those whose work needs it, and each such
/// read is recorded in the audit trail; everyone else, and every list, gets it masked.
public struct TicketDisclosure: Sendable {
    private let audit: any AuditTrail

    public init(audit: any AuditTrail) {
        self.audit = audit
    }

    /// `record` as `principal` may see it, read through `purpose` (the route); a whole read is
    /// recorded.
    public func single(_ record: TicketRecord, to principal: Principal, purpose: String) -> TicketRecord {
        guard principal.callerData(on: record.parties) == .whole else { return record.maskingCallerData() }
        audit.record(principal, read: record.id, purpose: purpose)
        return record
    }

    /// Tickets in a list or queue: lists are for finding work, so the caller's personal data is
    /// masked for everyone; reading one ticket shows it to those who may see it.
    public func listed(_ records: [TicketRecord]) -> [TicketRecord] {
        records.map { $0.maskingCallerData() }
    }

    /// A work queue's tickets, masked like every list: the text the queue shows, with the caller's
    /// name the query read only for this, which the queue then forgets.
    public func listed(_ items: [WorkQueue.Item]) -> [WorkQueue.Item] {
        items.map { item in
            var item = item
            item.text = PersonalDataMask.text(item.text, callerName: item.callerName)
            item.callerName = nil
            return item
        }
    }
}
