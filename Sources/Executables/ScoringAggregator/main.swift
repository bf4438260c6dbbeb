import HotlineRuntime
import HotlineServices

try await ServiceRuntime.run(.scoringAggregator) { resources in
    try ScoringAggregatorWorker.parts(resources)
}
