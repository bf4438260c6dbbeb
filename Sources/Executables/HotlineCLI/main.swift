print("x")
import ArgumentParser
