public import HotlineDomain
public import HotlineStorage

extension TicketRecord {
    /// The ticket with the caller's personal data masked (`PersonalDataMask`): name and phone,
    /// and every free text that may quote them (the request, the answer, the result and its
    /// feedback, reasons given, the history's payloads).
    public func maskingCallerData() -> TicketRecord {
        var masked = self
        let name = callerName
        func text(_ value: String?) -> String? { value.map { PersonalDataMask.text($0, callerName: name) } }
        let masks = MaskedPersonalData(callerName: callerName, callerPhone: callerPhone, requestText: self.text)
        masked.callerName = masks.callerName
        masked.callerPhone = masks.callerPhone
        masked.text = masks.requestText
        masked.answerText = text(answerText)
        masked.result = text(result)
        masked.feedbackToCaller = text(feedbackToCaller)
        masked.feedbackToCenter = text(feedbackToCenter)
        masked.unreasonableReason = text(unreasonableReason)
        masked.unreasonableReviewReason = text(unreasonableReviewReason)
        masked.sendBackReason = text(sendBackReason)
        masked.sendBackReviewReason = text(sendBackReviewReason)
        masked.exclusionReason = text(exclusionReason)
        masked.handDownPanel = text(handDownPanel)
        masked.handDownOutcome = text(handDownOutcome)
        masked.handUpAnswer = text(handUpAnswer)
        masked.history = history?.map { entry in
            var entry = entry
            entry.payload = PersonalDataMask.json(entry.payload, callerName: name)
            return entry
        }
        return masked
    }
}
