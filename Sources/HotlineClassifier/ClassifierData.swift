public import Foundation

/// What the classifier learns from beyond the catalog: labelled training requests written in
/// the voices of callers, operators and online messages, and a word dictionary. Kept under
/// `Schemas/catalog/` beside the catalog; the catalog stays the home of each leaf's names,
/// keywords and short examples, this file the home of whole labelled requests (each line's
/// `source` says whether a person wrote it or it frames a catalog keyword or example in a
/// caller's, an operator's or an online voice).
public struct ClassifierData: Sendable {
    public var requests: [LabelledRequest]
    public var dictionary: WordDictionary

    /// The files under `Schemas/`, relative to it.
    public enum File: String, CaseIterable, Sendable {
        case trainingRequests = "catalog/training_requests.jsonl"
        case wordFrequencies = "catalog/word_frequencies.txt"
    }

    public init(requests: [LabelledRequest], dictionary: WordDictionary) {
        self.requests = requests
        self.dictionary = dictionary
    }

    /// Nothing beyond the catalog: no training requests, no dictionary words.
    public static let empty = ClassifierData(requests: [], dictionary: WordDictionary(text: ""))

    /// Parses the data from the text of each file.
    public init(reading text: (File) throws -> String) throws {
        do {
            requests = try LabelledRequest.parse(jsonl: try text(.trainingRequests))
        } catch let error as LabelledRequestError {
            throw ClassifierDataError(file: .trainingRequests, reason: error.description)
        }
        dictionary = WordDictionary(text: try text(.wordFrequencies))
    }

    /// Reads the files under `schemaDirectory` (`Schemas/`).
    public init(schemaDirectory: URL) throws {
        try self.init { file in
            try String(contentsOf: schemaDirectory.appendingPathComponent(file.rawValue), encoding: .utf8)
        }
    }
}

/// A classifier data file that cannot be read.
public struct ClassifierDataError: Error, CustomStringConvertible {
    public let file: ClassifierData.File
    public let reason: String

    public var description: String { "\(file.rawValue): \(reason)" }
}
