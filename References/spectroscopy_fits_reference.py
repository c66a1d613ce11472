"""Reference peak fits for Interphase's Spectroscopy engine, made with lmfit (the fit) and lmfitxps (the
Shirley background subtracted first), on three bundled real XPS regions with the same model Interphase
fits: same background, same line shapes (parameterised by center, area, FWHM), same ties, same starting
values and bounds. Every setting is written into the output next to the result.

Run from the repository root (installs nothing):

    /tmp/refvenv/bin/pip install lmfit lmfitxps numpy scipy
    /tmp/refvenv/bin/python References/spectroscopy_fits_reference.py

Writes Tests/SpectroscopyTests/Reference/fits.json. Per fit: the data as read here (numpy; kinetic energy
converted with BE = hν − KE), the model spec in Interphase's terms (`components`, `ties`), the lmfitxps
Shirley background on the ascending-BE points, and lmfit's result (values, standard errors, χ², nfev,
message). Shapes map to lmfit as: pseudo-voigt → PseudoVoigtModel (sigma = fwhm/2, fraction = eta);
voigt → VoigtModel (sigma = fwhm/(2√(2 ln 2)), gamma = lorentzian_fwhm/2, gamma set free); gl (CasaXPS
GL(m) product, area-normalised with N(m) = π/√(4m)·erfcx(√(4 ln2 (1−m)/(4m)))) → an lmfit Model of that
numpy function. lmfit's default method (leastsq, MINPACK LM), unweighted residuals.
"""
import json
import math
import os

import numpy as np
import scipy
from scipy.special import erfcx
import lmfit
import lmfitxps
from lmfitxps.backgrounds import shirley_calculate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Data", "spectroscopy", "xps")
OUT = os.path.join(ROOT, "Tests", "SpectroscopyTests", "Reference", "fits.json")
C4 = 4 * math.log(2)
SHIRLEY = {"tol": 1e-12, "maxit": 500}


def gl(x, center, area, fwhm, m):
    u = (x - center) / fwhm
    norm = math.sqrt(math.pi / C4) if m < 1e-9 else math.pi / math.sqrt(4 * m) * erfcx(math.sqrt(C4 * (1 - m) / (4 * m)))
    return area / (fwhm * norm) * np.exp(-C4 * (1 - m) * u * u) / (1 + 4 * m * u * u)


def vamas_block(path, index):
    """Block `index` of a VAMAS file through vamas 0.2.0, given the file without its leading blank lines (vamas refuses them)."""
    import tempfile
    from vamas import Vamas
    text = open(path, encoding="latin-1").read().lstrip("\r\n")
    with tempfile.NamedTemporaryFile("w", suffix=".vms", delete=False, encoding="latin-1") as tmp:
        tmp.write(text)
    b = Vamas(tmp.name).blocks[index]
    os.unlink(tmp.name)
    counts = np.array(b.corresponding_variables[0].y_values, dtype=float)
    return b.x_start + b.x_step * np.arange(len(counts)), counts, b.analysis_source_characteristic_energy


def fit(name, file, x, y, components, ties, note):
    order = np.argsort(x)
    x, y = x[order], y[order]
    bg = shirley_calculate(x, y, tol=SHIRLEY["tol"], maxit=SHIRLEY["maxit"])
    target = y - bg
    model = None
    for c in components:
        prefix = "c%d_" % components.index(c)
        c["prefix"] = prefix
        if c["shape"] == "pseudo-voigt":
            m = lmfit.models.PseudoVoigtModel(prefix=prefix)
        elif c["shape"] == "voigt":
            m = lmfit.models.VoigtModel(prefix=prefix)
        elif c["shape"] == "gl":
            m = lmfit.Model(gl, prefix=prefix)
        model = m if model is None else model + m
    params = model.make_params()
    sigma_per_fwhm = 1 / (2 * math.sqrt(2 * math.log(2)))
    for c in components:
        p = c["prefix"]
        lo, hi = c["lower"], c["upper"]
        if c["shape"] == "pseudo-voigt":
            params[p + "center"].set(value=c["center"], min=lo[0], max=hi[0])
            params[p + "amplitude"].set(value=c["area"], min=lo[1], max=hi[1])
            params[p + "sigma"].set(value=c["fwhm"] / 2, min=lo[2] / 2, max=hi[2] / 2)
            params[p + "fraction"].set(value=c["extra"][0], vary="eta" not in c["fixed"], min=0, max=1)
        elif c["shape"] == "voigt":
            params[p + "center"].set(value=c["center"], min=lo[0], max=hi[0])
            params[p + "amplitude"].set(value=c["area"], min=lo[1], max=hi[1])
            params[p + "sigma"].set(value=c["fwhm"] * sigma_per_fwhm, min=lo[2] * sigma_per_fwhm, max=hi[2] * sigma_per_fwhm)
            params[p + "gamma"].set(value=c["extra"][0] / 2, min=lo[3] / 2, max=hi[3] / 2, vary=True, expr="")
        else:
            params[p + "center"].set(value=c["center"], min=lo[0], max=hi[0])
            params[p + "area"].set(value=c["area"], min=lo[1], max=hi[1])
            params[p + "fwhm"].set(value=c["fwhm"], min=lo[2], max=hi[2])
            params[p + "m"].set(value=c["extra"][0], vary="m" not in c["fixed"], min=0, max=1)
    lm = {"center": "center", "area": "amplitude", "fwhm": "sigma", "lorentzian_fwhm": "gamma"}
    byname = {c["name"]: c for c in components}
    for t in ties:
        tc, sc = byname[t["target"][0]], byname[t["source"][0]]
        key = lambda c, par: c["prefix"] + (par if c["shape"] == "gl" else lm[par])
        expr = f"{t['scale']!r}*{key(sc, t['source'][1])}"
        if t["offset"]:
            expr += f" + {t['offset']!r}"
        params[key(tc, t["target"][1])].set(expr=expr)
    result = model.fit(target, params, x=x)
    values = {}
    for c in components:
        p = c["prefix"]
        if c["shape"] == "pseudo-voigt":
            vals = {"center": params_out(result, p + "center"), "area": params_out(result, p + "amplitude"),
                    "fwhm": scaled(params_out(result, p + "sigma"), 2), "eta": params_out(result, p + "fraction")}
        elif c["shape"] == "voigt":
            vals = {"center": params_out(result, p + "center"), "area": params_out(result, p + "amplitude"),
                    "fwhm": scaled(params_out(result, p + "sigma"), 1 / sigma_per_fwhm),
                    "lorentzian_fwhm": scaled(params_out(result, p + "gamma"), 2)}
        else:
            vals = {k: params_out(result, p + k) for k in ["center", "area", "fwhm", "m"]}
        values[c["name"]] = vals
    for c in components:
        c.pop("prefix")
    return {"name": name, "file": file, "note": note, "x": x.tolist(), "y": y.tolist(),
            "background": "shirley (subtracted first)", "endpoint_points": 1,
            "shirley": {"program": f"lmfitxps {lmfitxps.__version__ if hasattr(lmfitxps, '__version__') else '4.2.0'} shirley_calculate", **SHIRLEY},
            "shirley_background": bg.tolist(), "components": components, "ties": ties, "weighting": "uniform",
            "lmfit": {"method": result.method, "nfev": int(result.nfev), "success": bool(result.success), "message": result.message,
                      "chisqr": float(result.chisqr), "redchi": float(result.redchi), "nvarys": int(result.nvarys),
                      "ndata": int(result.ndata), "values": values}}


def params_out(result, key):
    p = result.params[key]
    return [float(p.value), None if p.stderr is None else float(p.stderr)]


def scaled(v, k):
    return [v[0] * k, None if v[1] is None else v[1] * k]


def comp(name, shape, center, area, fwhm, extra, fixed, lower, upper):
    return {"name": name, "shape": shape, "center": center, "area": area, "fwhm": fwhm, "extra": extra, "fixed": fixed,
            "lower": lower, "upper": upper}


def tie(target, source, scale=1.0, offset=0.0):
    return {"target": target, "source": source, "scale": scale, "offset": offset}


fits = []
d = np.loadtxt(os.path.join(DATA, "PET_C1s.csv"), delimiter=",", skiprows=1)
inf = float("inf")
pv = lambda n, e, a, w: comp(n, "pseudo-voigt", e, a, w, [0.3], ["eta"], [e - 1.5, 0, 0.3, 0], [e + 1.5, inf, 4, 1])
fits.append(fit("PET C 1s", "PET_C1s.csv", d[:, 0], d[:, 1],
                [pv("C–C", 284.7, 4000, 1.2), pv("C–O", 286.3, 2000, 1.2), pv("O–C=O", 288.7, 2000, 1.2), pv("shake-up", 291.2, 300, 2.0)],
                [tie(["C–O", "fwhm"], ["C–C", "fwhm"]), tie(["O–C=O", "fwhm"], ["C–C", "fwhm"])],
                "PET: C–C/C–H, C–O, O–C=O and the π–π* shake-up; pseudo-Voigt with η fixed at 0.3, the three main lines share one FWHM"))

d = np.loadtxt(os.path.join(DATA, "clean_Au_4f.csv"), delimiter=",", comments="#")
vg = lambda n, e, a: comp(n, "voigt", e, a, 0.5, [0.3], [], [e - 1.5, 0, 0.05, 0], [e + 1.5, inf, 3, 3])
fits.append(fit("Au 4f", "clean_Au_4f.csv", 180.0 - d[:, 0], d[:, 1],
                [vg("Au 4f7/2", 87.7, 30000), vg("Au 4f5/2", 91.4, 22000)],
                [tie(["Au 4f5/2", "center"], ["Au 4f7/2", "center"], 1.0, 3.67), tie(["Au 4f5/2", "area"], ["Au 4f7/2", "area"], 0.75),
                 tie(["Au 4f5/2", "fwhm"], ["Au 4f7/2", "fwhm"]), tie(["Au 4f5/2", "lorentzian_fwhm"], ["Au 4f7/2", "lorentzian_fwhm"])],
                "Au 4f doublet, BE = 180 eV − KE (the file's KE is not referenced to the Fermi level, so 4f7/2 sits near 87.7 eV): "
                "Voigt, splitting 3.67 eV and area ratio 3:4 fixed, widths shared"))

ke, counts, hv = vamas_block(os.path.join(DATA, "0-150W.vms"), 3)
glc = lambda n, e, a: comp(n, "gl", e, a, 1.2, [0.3], ["m"], [e - 1.5, 0, 0.4, 0], [e + 1.5, inf, 3, 1])
fits.append(fit("Ni-W C 1s", "0-150W.vms", hv - ke, counts,
                [glc("C–C", 282.5, 1500), glc("C–O", 284.2, 400)],
                [tie(["C–O", "fwhm"], ["C–C", "fwhm"])],
                f"Kratos C 1s block (hν = {hv} eV, BE = hν − KE, uncharged-referenced): GL(30) with m fixed, shared FWHM"))

def finite(v):
    """JSON has no infinity: unbounded limits are written as null."""
    if isinstance(v, dict):
        return {k: finite(x) for k, x in v.items()}
    if isinstance(v, list):
        return [finite(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


fits = finite(fits)
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"program": "References/spectroscopy_fits_reference.py",
               "versions": {"lmfit": lmfit.__version__, "lmfitxps": getattr(lmfitxps, "__version__", "4.2.0"), "numpy": np.__version__,
                            "scipy": scipy.__version__},
               "fits": fits}, f, indent=1)
for r in fits:
    print(r["name"], r["lmfit"]["message"], r["lmfit"]["chisqr"], r["lmfit"]["nfev"], {k: v["center"][0] for k, v in r["lmfit"]["values"].items()})
