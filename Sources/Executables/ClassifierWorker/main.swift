import HotlineRuntime
import HotlineServices

try await ServiceRuntime.run(.classifierWorker) { resources in
    try ClassifierWorker.parts(resources)
}
