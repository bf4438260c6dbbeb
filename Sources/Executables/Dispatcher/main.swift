import HotlineRuntime
import HotlineServices

try await ServiceRuntime.run(.dispatcher) { resources in
    try DispatcherWorker.parts(resources)
}
