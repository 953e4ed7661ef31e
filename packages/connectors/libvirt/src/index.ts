/** @accords/connector-libvirt: An Accords connector for libvirt, through virsh and domain, volume and network XML. */
export const PACKAGE_NAME = '@accords/connector-libvirt';
