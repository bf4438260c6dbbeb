/// Which units an event tells, and of what: the pure rule behind every unit's inbox. The
/// items are written with the event, in the transaction that causes it (`EventRecorder`), so
/// none is lost and none is written twice.
public enum InboxRule {
    /// The inbox notices `payload` causes; none for events no unit must act on.
    public static func notices(for payload: any EventPayload) -> [InboxNotice] {
        switch payload {
        case let dispatched as TicketDispatched: notices(for: dispatched)
        case let handled as TicketHandled: notices(for: handled)
        case let fired as SLATimerFired: notices(for: fired)
        case let group as GroupRequestDetected: notices(for: group)
        default: []
        }
    }

    static func notices(for dispatched: TicketDispatched) -> [InboxNotice] {
        let lead: InboxKind =
            switch dispatched.occasion {
            case .reopen: .reopened
            case .repeatRequest: .repeatRequest
            case .redispatch, nil: .dispatched
            }
        return [InboxNotice(unitCode: dispatched.unitCode, kind: lead, note: dispatched.reason)]
            + dispatched.coUnitCodes.filter { $0 != dispatched.unitCode }.map {
                InboxNotice(unitCode: $0, kind: .coDispatched, note: dispatched.reason)
            }
    }

    static func notices(for handled: TicketHandled) -> [InboxNotice] {
        switch handled.action {
        case .whistle:
            return (handled.departments ?? []).map {
                InboxNotice(unitCode: $0, kind: .summoned, dueAt: handled.deadline, note: handled.actorUnitCode)
            }
        case .sendBack:
            guard let hub = handled.sendBackTo else { return [] }
            return [InboxNotice(unitCode: hub, kind: .sentBack, note: handled.reason)]
        case .decideSendBack:
            guard let unit = handled.sentBackFrom else { return [] }
            return [
                InboxNotice(
                    unitCode: unit, kind: .sendBackDecided, note: handled.approved == true ? "approved" : "refused")
            ]
        case .decideExclusion, .decideUnreasonable:
            guard let unit = handled.unitCode else { return [] }
            return [
                InboxNotice(
                    unitCode: unit, kind: handled.action == .decideExclusion ? .exclusionDecided : .unreasonableDecided,
                    note: handled.approved == true ? "approved" : "refused")
            ]
        case .handUp:
            guard let target = handled.handUpUnitCode else { return [] }
            return [
                InboxNotice(unitCode: target, kind: .handedUp, dueAt: handled.deadline, note: handled.actorUnitCode)
            ]
        case .acceptHandUp, .returnHandUp:
            guard let lead = handled.unitCode else { return [] }
            return [
                InboxNotice(
                    unitCode: lead, kind: .handUpAnswered,
                    note: handled.action == .acceptHandUp ? "accepted" : "returned")
            ]
        case .callHelpers:
            return (handled.departments ?? []).map {
                InboxNotice(unitCode: $0, kind: .coDispatched, note: "帮办 \(handled.actorUnitCode ?? handled.actor)")
            }
        case .dispatchDown:
            guard let community = handled.communityCode else { return [] }
            return [InboxNotice(unitCode: community, kind: .dispatchedDown, note: handled.person)]
        case .returnVisit:
            guard let unit = handled.unitCode else { return [] }
            let result = [handled.solved?.rawValue, handled.satisfaction?.rawValue].compactMap { $0 }
            return [InboxNotice(unitCode: unit, kind: .returnVisit, note: result.joined(separator: ","))]
        case .signFor, .redispatch, .consult, .assign, .signOff, .addProgress, .reportIn, .handDown,
            .recordPanelOutcome,
            .markUnreasonable,
            .requestExclusion, .resolve, .reopen, .meetingDecision:
            // A re-dispatch and a reopening notify through the `ticket.dispatched` that follows them.
            return []
        }
    }

    static func notices(for fired: SLATimerFired) -> [InboxNotice] {
        let unit = fired.unitCode
        var supervisor: [InboxNotice] {
            guard let supervising = fired.supervisingUnitCode, supervising != unit else { return [] }
            return [InboxNotice(unitCode: supervising, kind: .supervision, note: fired.supervisionLevel?.rawValue)]
        }
        switch fired.kind {
        case .reminder:
            return [InboxNotice(unitCode: unit, kind: .deadlineWarning, dueAt: fired.dueAt, note: fired.step?.rawValue)]
        case .checkpoint:
            return [
                InboxNotice(unitCode: unit, kind: .checkpoint, dueAt: fired.dueAt, note: fired.day.map { "day \($0)" })
            ]
        case .overdue:
            return [InboxNotice(unitCode: unit, kind: .overdue, dueAt: fired.dueAt, note: fired.step?.rawValue)]
                + supervisor
        case .escalated:
            return [InboxNotice(unitCode: unit, kind: .escalated, note: fired.supervisionLevel?.rawValue)] + supervisor
        case .meeting:
            return [
                InboxNotice(
                    unitCode: unit, kind: .meetingAgenda, dueAt: fired.dueAt, note: fired.day.map { "day \($0)" })
            ]
        }
    }

    static func notices(for group: GroupRequestDetected) -> [InboxNotice] {
        let note = "\(group.leafCode) ×\(group.ticketCount)"
        var notices = [InboxNotice(unitCode: group.townshipCode, kind: .groupCase, note: note)]
        if let district = group.districtCode {
            notices.append(InboxNotice(unitCode: OrgUnitCode.subCenter(of: district), kind: .groupCase, note: note))
        }
        return notices
    }
}
