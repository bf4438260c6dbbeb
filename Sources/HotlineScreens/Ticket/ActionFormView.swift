import HotlineDomain

/// A handling action's form as the ticket page renders it: `form#action-<action>` with its
/// fields (each labelled) and the submit button `#do-<action>`.
enum ActionFormView {
    /// The form of `action`.
    static func data(_ action: HandlingAction, cityScope: Bool, words: TicketWords) -> [String: Any] {
        [
            "action": action.rawValue, "label": words.action(action),
            "hint": words.text("ticket.action_hint.\(action.rawValue)"),
            "fields": ActionField.fields(of: action, cityScope: cityScope).map { field, required in
                [
                    "id": field.id(in: action), "name": field.rawValue,
                    "label": words.text("ticket.field.\(field.rawValue)"), "required": required,
                    "isTextarea": field.input == "textarea", "isDeadline": field.input == "deadline",
                    "isSelect": field.input == "select", "isText": field.input == "text",
                    "isList": field == .departments || field == .coUnits,
                    "choices": field.choices.map { choice in
                        ["value": choice, "label": words.text("ticket.choice.\(field.rawValue).\(choice)")]
                    },
                ] as [String: Any]
            },
        ]
    }
}
