import FuzzSupport

FuzzSupport.main(format: "neware-nda")
