import FuzzSupport

FuzzSupport.main(format: "neware-ndax")
