import ArgumentParser
import Interphase
print("interphase")
