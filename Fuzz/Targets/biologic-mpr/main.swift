import FuzzSupport

FuzzSupport.main(format: "biologic-mpr")
