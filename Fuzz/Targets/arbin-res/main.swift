import FuzzSupport

FuzzSupport.main(format: "arbin-res")
