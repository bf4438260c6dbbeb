import HotlineDomain

/// The desk page's data: the form (empty, or as sent with the use case's findings next to each
/// field), the ticket types, and the ticket just recorded.
enum DeskPageView {
    /// The form fields the findings of `POST /tickets` name, by the name the template shows them under.
    static let fieldNames = ["caller_name", "caller_phone", "place_text", "text", "category_code"]

    /// The template data for `form` with `findings` (its chosen category named by `categoryNames`),
    /// after recording the ticket `recorded` (`DeskRecordedView`'s data).
    static func data(
        _ form: DeskForm, findings: [FieldFinding], categoryNames: [String], recorded: [String: Any]?,
        _ renderer: ScreenRenderer, _ context: ScreenRequestContext
    ) -> [String: Any] {
        // Each field's error in the person's words (`desk.invalid.<field>`), then the use case's own detail.
        var errors: [String: String] = [:]
        var general: [String] = []
        for finding in findings {
            if fieldNames.contains(finding.field) {
                errors[finding.field] = [
                    errors[finding.field] ?? renderer.text("desk.invalid.\(finding.field)", context), finding.detail,
                ].joined(separator: " · ")
            } else {
                general.append("\(finding.field): \(finding.detail)")
            }
        }
        var data: [String: Any] = [
            "form": [
                "callerName": form.callerName, "callerPhone": form.callerPhone, "place": form.place,
                "text": form.text, "categoryCode": form.categoryCode,
                "categoryPath": categoryNames.joined(separator: " / "), "hasCategory": !form.categoryCode.isEmpty,
                "idempotencyKey": form.idempotencyKey,
            ],
            "types": TicketType.allCases.map { type in
                [
                    "value": type.rawValue, "label": renderer.text("desk.type.\(type.rawValue)", context),
                    "selected": type == form.type,
                ] as [String: Any]
            },
            "errors": errors, "generalErrors": general, "hasErrors": !findings.isEmpty,
        ]
        if let recorded { data["recorded"] = recorded }
        return data
    }
}
