#!/usr/bin/env python3
# Writes the 16x16 explicit-VR CT seed of dicom_scan_fuzz; the other seeds are converted from it:
#   dcmconv +ti / +tb / +td, dcmcrle, dcmcjpeg +e1 / +ee, dcmcjpls, gdcmconv --j2k
#   (DCMTK / GDCM command-line tools)
# Usage: make_dicom_seed.py OUT.dcm
import struct,sys
def el(g,e,vr,val):
    if isinstance(val,str):
        b=val.encode()
        if len(b)%2: b+= b'\0' if vr=='UI' else b' '
    else: b=val
    if vr in ('OB','OW','SQ','UN','UT'):
        return struct.pack('<HH2sHI',g,e,vr.encode(),0,len(b))+b
    return struct.pack('<HH2sH',g,e,vr.encode(),len(b))+b
us=lambda v: struct.pack('<H',v)
n=16
ts='1.2.840.10008.1.2.1'
sop='1.2.826.0.1.3680043.8.498.1'
meta=el(2,1,'OB',b'\0\1')+el(2,2,'UI','1.2.840.10008.5.1.4.1.1.2')+el(2,3,'UI',sop)+el(2,0x10,'UI',ts)+el(2,0x12,'UI','1.2.826.0.1.3680043.8.498.9')
meta=el(2,0,'UL',struct.pack('<I',len(meta)))+meta
pix=bytes()
for j in range(n):
    for i in range(n):
        pix+=struct.pack('<H',(i*37+j*101)%4096)
ds=b''.join([el(8,0x16,'UI','1.2.840.10008.5.1.4.1.1.2'),el(8,0x18,'UI',sop),el(8,0x60,'CS','CT'),
 el(0x10,0x10,'PN','SEED'),el(0x10,0x20,'LO','SEED1'),
 el(0x20,0xd,'UI','1.2.826.0.1.3680043.8.498.2'),el(0x20,0xe,'UI','1.2.826.0.1.3680043.8.498.3'),
 el(0x20,0x13,'IS','1'),el(0x20,0x32,'DS','0\\0\\0'),el(0x20,0x37,'DS','1\\0\\0\\0\\1\\0'),
 el(0x28,2,'US',us(1)),el(0x28,4,'CS','MONOCHROME2'),el(0x28,0x10,'US',us(n)),el(0x28,0x11,'US',us(n)),
 el(0x28,0x30,'DS','0.75\\0.75'),el(0x28,0x100,'US',us(16)),el(0x28,0x101,'US',us(12)),el(0x28,0x102,'US',us(11)),
 el(0x28,0x103,'US',us(0)),el(0x28,0x1052,'DS','-1024'),el(0x28,0x1053,'DS','1'),el(0x7fe0,0x10,'OW',pix)])
open(sys.argv[1],'wb').write(b'\0'*128+b'DICM'+meta+ds)
