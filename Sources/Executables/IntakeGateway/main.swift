import HotlineRuntime
import HotlineServices

try await ServiceRuntime.run(.intakeGateway) { resources in
    try IntakeGateway.parts(resources)
}
