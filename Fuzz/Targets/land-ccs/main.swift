import FuzzSupport

FuzzSupport.main(format: "land-ccs")
