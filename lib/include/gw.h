/* libgw: variably saturated groundwater flow on MPI-distributed layered grids. */
#ifndef GW_H
#define GW_H

#include <gwmaterial.h>
#include <gwpackage.h>
#include <gwmodel.h>
#include <gwtransport.h>
#include <gwio.h>
#include <gwfao56.h>
#include <gwcalib.h>

#endif
