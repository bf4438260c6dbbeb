import HotlineRuntime
import HotlineScreens

try await ServiceRuntime.run(.intakeGateway) { resources in
    try GatewayWithScreens.parts(resources)
}
