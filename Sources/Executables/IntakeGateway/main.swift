import HotlineGateway
import HotlineRuntime

try await ServiceRuntime.run(.intakeGateway) { resources in
    try IntakeGateway.parts(resources)
}
