public import Foundation
public import HotlineDomain
public import HotlineStorage

/// The operators' side of classification: setting a ticket's category (kept as a labelled
/// example for retraining) and answering a consultation directly.
public struct ReviewTicket: Sendable {
    /// States in which an operator may set the category. Before dispatch the ticket then goes
    /// to dispatch; after, the change is recorded and published as a reclassification.
    public static let classifiableStates: [TicketState] = [.received, .needsReview, .classified, .dispatched]
    /// States in which a ticket may still be answered directly instead of dispatched.
    public static let answerableStates: [TicketState] = [.received, .needsReview, .classified]

    private let repository: any TicketRepository
    private let reference: any ReferenceSource
    private let clock: any HotlineClock
    private let stamp: EventStamp
    private let disclosure: TicketDisclosure

    public init(
        repository: any TicketRepository, reference: any ReferenceSource, clock: any HotlineClock, stamp: EventStamp,
        disclosure: TicketDisclosure
    ) {
        self.repository = repository
        self.reference = reference
        self.clock = clock
        self.stamp = stamp
        self.disclosure = disclosure
    }

    /// The ticket after `principal` set its category to the leaf `categoryCode` (with `urgency`,
    /// else the leaf's default), as `principal` may see it (`purpose` names the route), or a
    /// `TicketError` saying why not.
    public func classify(
        _ id: UUID, as categoryCode: String, urgency: UrgencyTier?, by principal: Principal, purpose: String
    ) async throws -> TicketRecord {
        let catalog = try await reference.current().reference.catalog
        guard let leaf = catalog[categoryCode], leaf.isLeaf else {
            throw TicketError.invalid(
                detail: "category_code: not a leaf of the catalog",
                findings: [
                    FieldFinding(
                        field: "category_code", detail: "'\(categoryCode.prefix(32))' is not a third-level code")
                ])
        }
        let path = catalog.path(to: leaf.code)
        let now = clock.now()
        let chosen = urgency ?? leaf.defaultUrgency ?? .general
        let stamp = stamp
        let record = try await repository.transaction { session in
            guard
                let change = try await session.applyOperatorCategory(
                    id, leafCode: leaf.code, path: path, urgency: chosen, allowedIn: Self.classifiableStates, at: now)
            else {
                throw try await Self.refusal(id, action: "classification", in: session)
            }
            try await session.recordExample(
                ticketId: id, text: change.text, location: change.placeText, leafCode: leaf.code, urgency: urgency,
                recordedBy: principal.tokenId, at: now)
            if change.previousState == .received || change.previousState == .needsReview {
                let classified = TicketClassified(
                    categoryCode: leaf.code, level1Code: path.first, level2Code: path.dropFirst().first,
                    urgency: chosen, confidence: 1, method: .operatorChoice, districtCode: change.districtCode,
                    townshipCode: change.townshipCode)
                try await session.record(stamp.event(about: id, classified, at: now), trace: nil)
            } else {
                let reclassified = TicketReclassified(
                    previousCategoryCode: change.previousCategoryCode, categoryCode: leaf.code, level1Code: path[0],
                    level2Code: path[1], urgency: chosen)
                try await session.record(stamp.event(about: id, reclassified, at: now), trace: nil)
            }
            return try await session.ticket(id)
        }
        guard let record else { throw TicketError.notFound(id) }
        return disclosure.single(record, to: principal, purpose: purpose)
    }

    /// The ticket after it was closed with `answer`, as `principal` may see it (`purpose` names
    /// the route), or a `TicketError` saying why not.
    public func answer(
        _ id: UUID, with answer: DirectAnswer, by principal: Principal, purpose: String
    ) async throws -> TicketRecord {
        let answered: TicketAnswered
        switch answer.resolve(in: try await reference.current().knowledge) {
        case .success(let resolved): answered = resolved
        case .failure(let finding): throw TicketError.invalid([finding])
        }
        let now = clock.now()
        let stamp = stamp
        let record = try await repository.transaction { session in
            guard try await session.markAnswered(id, answered, allowedIn: Self.answerableStates, at: now) else {
                throw try await Self.refusal(id, action: "a direct answer", in: session)
            }
            try await session.record(stamp.event(about: id, answered, at: now), trace: nil)
            return try await session.ticket(id)
        }
        guard let record else { throw TicketError.notFound(id) }
        return disclosure.single(record, to: principal, purpose: purpose)
    }

    /// Why a guarded change did not apply: no such ticket, or the wrong state.
    private static func refusal(_ id: UUID, action: String, in session: any TicketSession) async throws -> TicketError {
        guard let state = try await session.state(of: id) else { return .notFound(id) }
        return .illegalTransition(id, state: state, action: action)
    }
}
