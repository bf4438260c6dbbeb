import HotlineRuntime
import HotlineServices

try await ServiceRuntime.run(.slaTimer) { resources in
    try SLATimerWorker.parts(resources)
}
