/// What free text in a request may hold.
public enum PlainText {
    /// Whether `text` holds a control character other than a tab or a line break (as the
    /// checks of a new ticket's texts reject; PostgreSQL cannot store U+0000 at all).
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }
    }
}
