import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineSimulation

/// Ticket bodies for the load: requests of the simulated city that the classifier files
/// without review and places in a township, so each one is expected to reach `dispatched`.
enum BenchTickets {
    /// Up to `count` JSON objects without their closing brace and without a caller's phone.
    static func templates(
        reference: ReferenceData, data: ClassifierData, timeZone: TimeZone, reviewThreshold: Double, seed: UInt64,
        count: Int = 2_000
    ) throws -> [String] {
        let city = CityModel(reference: reference, timeZone: timeZone)
        let classifier = RequestClassifier(
            catalog: reference.catalog, gazetteer: reference.gazetteer, cues: reference.cues, data: data)
        let rule = ClassificationRule(
            catalog: reference.catalog, cues: reference.cues, reviewThreshold: reviewThreshold)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var templates: [String] = []
        for ticket in city.tickets(
            seed: seed, start: Date(timeIntervalSince1970: 1_798_761_600), days: 30, perDay: count / 10)
        where ticket.answerArticleId == nil {
            var request = ticket.request
            request.callerPhone = nil
            let decided = rule.decide(
                ReceivedRequest(masking: request),
                classification: classifier.classify(text: request.text, location: request.placeText))
            guard !decided.reviewRequired, decided.townshipCode != nil else { continue }
            let json = String(decoding: try encoder.encode(request), as: UTF8.self)
            templates.append(String(json.dropLast()))
            if templates.count == count { break }
        }
        return templates
    }
}
