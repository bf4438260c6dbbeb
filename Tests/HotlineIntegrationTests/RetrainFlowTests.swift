import Foundation
import HotlineClassifier
import HotlineDomain
import HotlineRuntime
import HotlineServices
import HotlineStorage
import PostgresNIO
import Testing

extension ServiceFlowTests {
    static let retrainPort = 18580

    /// Requests about telecoms, which the catalog has no leaf for and the model takes for power
    /// outages or flyers; the leaf an operator chooses for them (not a government function);
    /// and a later request of the same kind, worded differently, which the model put in ORD.
    static let misclassified = [
        "我家里手机信号特别差，打电话总是听不清，移动公司也不管",
        "小区里手机没信号，在家打不了电话，希望运营商加个基站",
        "家里的宽带老是断网，找了电信好几次都没修好",
    ]
    static let operatorsLeaf = "OTH0302"
    static let laterRequest = "家里手机没信号，打电话得跑到楼下去"

    @Test("an operator's corrections and a retrain change the leaf a running classifier worker and gateway give")
    func correctionsRetrainAndALaterPrediction() async throws {
        try await TestDatabase.with { client, database in
            try await RunningServices.prepare(client)
            let settings = RunningServices.settings(database: database, basePort: Self.retrainPort)
            let api = APIClient(
                base: URL(string: "http://127.0.0.1:\(Self.retrainPort)")!,
                token: try await RunningServices.token(.operator, on: client))
            try await RunningServices.with([.intakeGateway, .classifierWorker], settings: settings, build: Self.build) {
                try await api.waitUntilUp()
                #expect(try await Self.previewLeaf(Self.laterRequest, api) != Self.operatorsLeaf)

                for text in Self.misclassified {
                    let id = try await Self.classifiedTicket(text, api, client: client)
                    #expect(id.leaf != Self.operatorsLeaf, "the worker already gives the operator's leaf to \(text)")
                    let corrected = try await api.send(
                        "PUT", "/tickets/\(id.ticket)/classification", json: ["category_code": Self.operatorsLeaf])
                    #expect(corrected.status == 200, "\(corrected.text)")
                }

                let outcome = try await client.withConnection { connection in
                    try await ClassifierRetraining.retrain(
                        data: ClassifierData(
                            schemaDirectory: TestDatabase.repositoryRoot.appendingPathComponent("Schemas")),
                        folds: 2, at: Date(), on: connection, logger: TestEnvironment.logger)
                }
                #expect(outcome.correctionCount == Self.misclassified.count)
                #expect(outcome.evaluation?.count == Self.misclassified.count)
                // Every service's snapshot was checked before the run; past one check interval each
                // looks for the new run at its next use.
                try await Task.sleep(for: .seconds(settings.modelCheckInterval))

                let later = try await Self.classifiedTicket(Self.laterRequest, api, client: client)
                #expect(later.leaf == Self.operatorsLeaf, "the worker, after the retrain")
                #expect(try await Self.previewLeaf(Self.laterRequest, api) == Self.operatorsLeaf, "the gateway")
                let runs = try await TestDatabase.count(
                    "SELECT count(*)::bigint FROM classifier_training_runs WHERE id = \(outcome.runId)", on: client)
                #expect(runs == 1)
            }
        }
    }

    /// The leaf `POST /classify` gives `text`.
    static func previewLeaf(_ text: String, _ api: APIClient) async throws -> String? {
        let reply = try await api.send("POST", "/classify", json: ["text": text])
        #expect(reply.status == 200, "\(reply.text)")
        return reply.json["level3"] as? String
    }

    /// A new ticket about `text` once the classifier worker has classified it, with its leaf.
    static func classifiedTicket(
        _ text: String, _ api: APIClient, client: PostgresClient
    ) async throws -> (ticket: UUID, leaf: String?) {
        let created = try await api.send("POST", "/tickets", json: Self.ticket(text, place: "海淀区"))
        let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""), "\(created.text)")
        let leaf = try await eventually("the worker to classify the ticket") {
            try await all(
                client.query(
                    "SELECT category_code FROM tickets WHERE id = \(id) AND state <> 'received'",
                    logger: TestEnvironment.logger
                )
                .decode(String?.self)
            ).first
        }
        return (id, leaf)
    }
}
