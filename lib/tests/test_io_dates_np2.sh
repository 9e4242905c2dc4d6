#!/bin/sh
# Dates in the outputs of a scenario with time.start_date (the good column: 2018-04-20, end 3 h,
# outputs at 1 h and 2 h), on 1 and on 2 MPI ranks:
# - the NetCDF time units are CF "seconds since 2018-04-20 00:00:00" and a CF reader decodes the
#   records to 2018-04-20T00:00 .. 03:00 (python3-xarray if installed, else netCDF4.num2date;
#   skipped without either);
# - every row of the budget and observation CSVs has a date equal to start_date + time_s,
#   computed independently by Python's datetime (to the nearest millisecond);
# - progress lines give the time in days with the date and the wall time left.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwdates.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
fail=0
check() { # NAME STATUS DETAIL
  echo "CHECK dates $1 $3 $2"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
"$top/apps/gw-run" "$src/lib/tests/scenarios/good_column.yaml" -o "$tmp/np1" >"$tmp/np1.log" 2>&1 || { cat "$tmp/np1.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-run" "$src/lib/tests/scenarios/good_column.yaml" -o "$tmp/np2" >"$tmp/np2.log" 2>&1 || { cat "$tmp/np2.log"; exit 1; }
for r in np1 np2; do
  units=$(ncdump -h "$tmp/$r.nc" | sed -n 's/.*time:units = "\(.*\)" ;/\1/p')
  [ "$units" = "seconds since 2018-04-20 00:00:00" ] && s=PASS || s=FAIL
  check ${r}_netcdf_time_units $s "units=\"$units\""
  if "$py" -c "import xarray" 2>/dev/null || "$py" -c "import netCDF4" 2>/dev/null; then
    got=$("$py" - "$tmp/$r.nc" <<'PY'
import sys
try:
    import xarray
    ds = xarray.open_dataset(sys.argv[1])
    print(" ".join(str(t)[:16] for t in ds["time"].values.astype("datetime64[m]")))
except ImportError:
    import netCDF4
    ds = netCDF4.Dataset(sys.argv[1])
    t = ds["time"]
    print(" ".join(d.strftime("%Y-%m-%dT%H:%M") for d in netCDF4.num2date(t[:], t.units, t.calendar)))
PY
)
    want="2018-04-20T00:00 2018-04-20T01:00 2018-04-20T02:00 2018-04-20T03:00"
    [ "$got" = "$want" ] && s=PASS || s=FAIL
    check ${r}_netcdf_time_decoded $s "dates=\"$got\""
  else
    echo "CHECK dates ${r}_netcdf_time_decoded SKIP (no python3 xarray or netCDF4)"
  fi
  for f in budget obs; do
    bad=$("$py" - "$tmp/$r-$f.csv" <<'PY'
import csv, datetime, sys
start = datetime.datetime(2018, 4, 20, tzinfo=datetime.timezone.utc)
rows = list(csv.DictReader(open(sys.argv[1])))
bad = 0
for r in rows:
    d = start + datetime.timedelta(milliseconds=round(float(r["time_s"]) * 1000))
    want = d.strftime("%Y-%m-%dT%H:%M:%S") + (".%03d" % (d.microsecond // 1000) if d.microsecond else "") + "Z"
    bad += r["date"] != want
print("%d %d" % (bad, len(rows)))
PY
)
    [ "${bad%% *}" = 0 ] && [ "${bad##* }" -gt 0 ] && s=PASS || s=FAIL
    check ${r}_${f}_csv_date_column $s "wrong_of_rows=\"$bad\""
  done
  grep -q '^t = 0.0416667  *d 2018-04-20T01:00:00Z .* left [0-9]*:[0-9][0-9]:[0-9][0-9]$' "$tmp/$r.log" && s=PASS || s=FAIL
  check ${r}_progress_days_date_left $s "line=\"$(grep '^t = 0.04' "$tmp/$r.log")\""
done
# time.end and output.times given as dates (2018-04-20T03:00, [2018-04-20T01:00, 2018-04-20 02:00])
# give the same record times as the durations 3 h, [1 h, 2 h]: 0, 3600, 7200, 10800 s exactly;
# a date without time.start_date is bad input naming the key.
sed -e 's|^  end: 3 h|  end: 2018-04-20T03:00|' -e 's|^  times: \[1 h, 2 h\]|  times: [2018-04-20T01:00, "2018-04-20 02:00"]|' \
  -e 's|file: rain.csv|file: '"$(cd "$src" && pwd)"'/lib/tests/scenarios/rain.csv|' -e 's|file: bottom.csv|file: '"$(cd "$src" && pwd)"'/lib/tests/scenarios/bottom.csv|' \
  "$src/lib/tests/scenarios/good_column.yaml" >"$tmp/bydate.yaml"
grep -q "end: 2018-04-20T03:00" "$tmp/bydate.yaml" && grep -q "times: \[2018-04-20T01:00" "$tmp/bydate.yaml" || { echo "could not edit good_column.yaml"; exit 99; }
"$top/apps/gw-run" "$tmp/bydate.yaml" -o "$tmp/bydate" >"$tmp/bydate.log" 2>&1
st=$?
got=$(cut -d, -f1 "$tmp/bydate-obs.csv" 2>/dev/null | tail -n +2 | tr '\n' ' ')
[ $st -eq 0 ] && [ "$got" = "0 3600 7200 10800 " ] && s=PASS || s=FAIL
check end_and_output_times_as_dates $s "status=$st obs_times=\"$got\" (want 0 3600 7200 10800)"
sed -e '/start_date/d' -e 's|^  times: \[.*|  times: [1 h, 2 h]|' "$tmp/bydate.yaml" >"$tmp/nostart.yaml"
"$top/apps/gw-run" "$tmp/nostart.yaml" -o "$tmp/nostart" >"$tmp/nostart.log" 2>&1
st=$?
msg=$(grep "bad input" "$tmp/nostart.log" | head -1)
[ $st -eq 2 ] && printf '%s' "$msg" | grep -q 'nostart.yaml:[0-9]*:[0-9]*: time.end: the date 2018-04-20T03:00 needs time.start_date' && s=PASS || s=FAIL
check date_without_start_date $s "status=$st msg=\"$msg\""
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
