module goldbgen

go 1.25.0

require (
	github.com/ipfs/go-datastore v0.9.2
	github.com/ipfs/go-ds-leveldb v0.5.2
	github.com/syndtr/goleveldb v1.0.0
)

require (
	github.com/golang/snappy v0.0.0-20180518054509-2e65f85255db // indirect
	github.com/google/uuid v1.6.0 // indirect
)
