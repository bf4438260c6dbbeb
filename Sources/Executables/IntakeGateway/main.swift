import HotlineRuntime
import HotlineServices

try await ServiceRuntime.run(.intakeGateway) { resources in
    IntakeGateway.parts(resources)
}
